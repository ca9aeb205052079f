const DEVANAGARI = /[\u0900-\u097F]/;

export const hasDevanagari = (text: string): boolean => DEVANAGARI.test(text);

/** The `lang` to put on a piece of text so screen readers and fonts treat it right, whatever the UI language. */
export const scriptLang = (text: string): 'hi' | 'en' => (hasDevanagari(text) ? 'hi' : 'en');
