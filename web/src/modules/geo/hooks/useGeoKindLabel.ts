import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const KIND_KEYS = {
  state: 'geo.kind.state',
  ut: 'geo.kind.ut',
  pc: 'geo.kind.pc',
  ac: 'geo.kind.ac',
  district: 'geo.kind.district',
  ps: 'geo.kind.ps',
} as const;

const RESERVATION_KEYS = { GEN: 'geo.reservation.GEN', SC: 'geo.reservation.SC', ST: 'geo.reservation.ST' } as const;

const isKey = <T extends object>(map: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(map, key);

/** (geo kind) → its translated name; unknown kinds show as they are. */
export const useGeoKindLabel = (): ((kind: string) => string) => {
  const { t } = useTranslation();
  return useCallback((kind: string) => (isKey(KIND_KEYS, kind) ? t(KIND_KEYS[kind]) : kind), [t]);
};

/** "SC" → "Scheduled Castes" / "अनुसूचित जाति"; empty or "GEN" counts as general. */
export const useReservationLabel = (): ((reservation: string) => string) => {
  const { t } = useTranslation();
  return useCallback(
    (reservation: string) => {
      const key = reservation.trim().toUpperCase() || 'GEN';
      if (key === 'NONE' || key === 'GENERAL') return t(RESERVATION_KEYS.GEN);
      return isKey(RESERVATION_KEYS, key) ? t(RESERVATION_KEYS[key]) : reservation;
    },
    [t],
  );
};
