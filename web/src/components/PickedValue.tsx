import { Anchor, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  label: ReactNode;
  description?: ReactNode;
  /** What was chosen, as its picker shows it. */
  children: ReactNode;
  changeLabel: string;
  onChange: () => void;
  changeAriaLabel?: string;
  changeTestId?: string;
  error?: string;
  bg?: string;
  /** The `data-testid` and `data-*-id` attributes the browser tests find the chosen value by. */
  attrs: Record<`data-${string}`, string | number>;
};

/** A picker's chosen value in place of its search box, with a "Change" link that brings the search back. */
export const PickedValue = ({
  label,
  description,
  children,
  changeLabel,
  onChange,
  changeAriaLabel,
  changeTestId,
  error,
  bg,
  attrs,
}: Props) => (
  <div>
    <Text size="sm" fw={500}>
      {label}
    </Text>
    {description && (
      <Text size="xs" c="dimmed">
        {description}
      </Text>
    )}
    <Paper withBorder p="xs" radius="sm" mt={4} bg={bg} {...attrs}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        {children}
        <Anchor component="button" type="button" size="sm" onClick={onChange} aria-label={changeAriaLabel} data-testid={changeTestId}>
          {changeLabel}
        </Anchor>
      </Group>
    </Paper>
    {error && (
      <Text size="xs" c="red" mt={4} role="alert">
        {error}
      </Text>
    )}
  </div>
);
