import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export const EmptyState = ({ children, action }: { children: ReactNode; action?: ReactNode }) => (
  <Paper withBorder p="lg" radius="md" ta="center" data-testid="empty-state">
    <Text c="dimmed" mb={action ? 'sm' : 0}>
      {children}
    </Text>
    {action}
  </Paper>
);
