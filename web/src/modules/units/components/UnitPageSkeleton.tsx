import { Paper, Skeleton, Stack } from '@mantine/core';

export const UnitPageSkeleton = () => (
  <Stack gap="md" aria-busy="true" data-testid="unit-loading">
    <Skeleton height={18} width="55%" />
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Skeleton height={18} width={120} />
        <Skeleton height={30} width="70%" />
        <Skeleton height={14} width="40%" />
        <Skeleton height={40} />
      </Stack>
    </Paper>
    <Skeleton height={36} />
    {[0, 1, 2, 3].map((i) => (
      <Skeleton key={i} height={40} />
    ))}
  </Stack>
);
