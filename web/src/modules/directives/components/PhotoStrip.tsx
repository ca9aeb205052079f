import { Group, Image } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../lib/api';

/** Small thumbnails of a report's photos; each opens the full image. */
export const PhotoStrip = ({ ids }: { ids: number[] }) => {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <Group gap={6} mt={6}>
      {ids.map((id, i) => (
        <a key={id} href={apiUrl(`/files/${id}`)} target="_blank" rel="noreferrer">
          <Image src={apiUrl(`/files/${id}`)} w={56} h={56} radius="sm" fit="cover" alt={t('directives.photoAlt', { n: i + 1 })} loading="lazy" />
        </a>
      ))}
    </Group>
  );
};
