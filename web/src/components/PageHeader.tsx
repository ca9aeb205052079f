import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; description: ReactNode; actions?: ReactNode; gap?: 'xs' | 'sm' | 'md' };

/** A list page's heading and one-line description, with its actions (create, links) at the right. */
export const PageHeader = ({ title, description, actions, gap }: Props) => (
  <Group justify="space-between" align="flex-start" gap={gap}>
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {description}
      </Text>
    </div>
    {actions}
  </Group>
);
