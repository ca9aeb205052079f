import type { TLocale, TMe } from '@samiti/common';
import { api } from '../../lib/api';

export const meKey = ['me'] as const;

export const fetchMe = (signal?: AbortSignal): Promise<TMe> => api<TMe>('/auth/me', { signal });

export const login = (body: { username: string; password: string }): Promise<TMe> => api<TMe>('/auth/login', { method: 'POST', body });

export const logout = (): Promise<void> => api<void>('/auth/logout', { method: 'POST' });

export const saveLocale = (locale: TLocale): Promise<TMe> => api<TMe>('/auth/me', { method: 'PATCH', body: { locale } });
