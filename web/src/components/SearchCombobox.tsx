import { Combobox, Loader, TextInput, useCombobox } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';

type Props<T> = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  items: T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  /** Whether the text is long enough to have been searched. */
  isActive: boolean;
  isSearching: boolean;
  error: unknown;
  description?: string;
  hint?: string;
  testId?: string;
  fieldError?: string;
  autoFocus?: boolean;
};

/** A text box whose dropdown shows search results as they arrive; choosing one calls `onPick`. */
export const SearchCombobox = <T,>(props: Props<T>) => {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { items, isActive, isSearching, error } = props;

  const pick = (key: string) => {
    const item = items.find((i) => props.itemKey(i) === key);
    combobox.closeDropdown();
    if (item) props.onPick(item);
  };

  const status = (): ReactNode => {
    if (!isActive) return props.hint ? <Combobox.Empty>{props.hint}</Combobox.Empty> : null;
    if (error) return <Combobox.Empty c="red">{errorText(error, t)}</Combobox.Empty>;
    if (items.length === 0) return <Combobox.Empty>{isSearching ? t('common.searching') : t('common.noResults')}</Combobox.Empty>;
    return null;
  };
  const statusNode = status();
  const hasDropdown = items.length > 0 || statusNode !== null;

  return (
    <Combobox store={combobox} onOptionSubmit={(value) => pick(String(value))} withinPortal={false}>
      <Combobox.Target>
        <TextInput
          type="search"
          label={props.label}
          description={props.description}
          placeholder={props.placeholder}
          value={props.value}
          error={props.fieldError}
          autoFocus={props.autoFocus}
          autoComplete="off"
          enterKeyHint="search"
          data-testid={props.testId}
          rightSection={isSearching ? <Loader size="xs" /> : null}
          onChange={(e) => {
            props.onChange(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!hasDropdown || props.value.trim() === ''}>
        <Combobox.Options mah={360} style={{ overflowY: 'auto' }}>
          {items.map((item) => (
            <Combobox.Option value={props.itemKey(item)} key={props.itemKey(item)}>
              {props.renderItem(item)}
            </Combobox.Option>
          ))}
          {statusNode}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
};
