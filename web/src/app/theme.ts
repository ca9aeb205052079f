import { createTheme } from '@mantine/core';

/** System fonts only (nothing to download on a weak connection); Noto covers Devanagari on Android. */
const FONT_STACK = '"Noto Sans", "Noto Sans Devanagari", system-ui, -apple-system, "Segoe UI", Roboto, "Nirmala UI", "Mangal", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  // Devanagari's matras need more room above and below than Latin text.
  lineHeights: { xs: '1.5', sm: '1.55', md: '1.6', lg: '1.6', xl: '1.6' },
  defaultRadius: 'md',
  cursorType: 'pointer',
});
