import type { ThemeConfig } from 'antd';

// antd's defaults miss WCAG AA contrast (4.5:1) in places a state agency's site must not:
// white on #1677ff is 4.1:1, placeholders 1.8:1, hints 3.4:1, danger text 3.3:1.
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  },
  components: {
    // An empty list says "Không có dữ liệu" in the disabled grey (1.8:1); it is text to read (4.5:1).
    List: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};

/** Tag colors whose text keeps 4.5:1 on antd's tinted tag background (the light presets do not). */
export const TAG_COLORS = {
  green: '#237804',
  orange: '#ad4e00',
  red: '#a8071a',
  blue: '#0958d9',
  purple: '#531dab',
} as const;
