/**
 * The Adaptive Cards host config for the local web chat.
 *
 * Web Chat builds a default one from its style options, but takes a host config only whole
 * (`adaptiveCardsHostConfig` replaces it; botframework-webchat 4.18,
 * `src/adaptiveCards/Styles/adaptiveCardHostConfig.ts`), so this is that default with our colours and
 * two changes for narrow screens:
 * - card buttons' titles wrap (`actions.allowTitleToWrap`) instead of being cut short with an ellipsis;
 * - fact titles ("Add 1", "Have 4") do not wrap (`factSet.title.wrap: false`). The renderer Web Chat
 *   4.18 bundles (adaptivecards 3.0.6) resets that setting to `true` after reading it, so the page's
 *   CSS does the same; the setting stays here for a renderer that reads it.
 */

const BRAND = "#1f5f8b";
const INK = "#1b1b1b";
// Web Chat's default subtle colour: 4.5:1 against white.
const SUBTLE = "#767676";
const FONT = '"Segoe UI", system-ui, sans-serif';

/** Foreground colours of a container: the default, and a subtle variant. */
const shade = (fg: string, subtle: string) => ({ default: fg, subtle });
const onTint = (backgroundColor: string) => ({
  backgroundColor,
  foregroundColors: { default: shade("#333333", "#484644") },
});

export const HOST_CONFIG = {
  fontFamily: FONT,
  supportsInteractivity: true,
  containerStyles: {
    default: {
      foregroundColors: {
        default: shade(INK, SUBTLE),
        accent: shade(BRAND, "#0078D4"),
        attention: shade("#D13438", "#A4262C"),
        dark: shade("#000000", "#646464"),
        good: shade("#0B6A0B", "#028A02"),
        light: shade("#FFFFFF", SUBTLE),
        warning: shade("#B75C00", "#986F0B"),
      },
    },
    emphasis: { backgroundColor: "#F0F0F0", foregroundColors: { default: shade("#000000", "#484644") } },
    accent: onTint("#C7DEF9"),
    good: onTint("#CCFFCC"),
    attention: onTint("#FFC5B2"),
    warning: onTint("#FFE2B2"),
  },
  imageSizes: { small: 40, medium: 80, large: 160 },
  actions: {
    actionAlignment: "stretch",
    actionsOrientation: "vertical",
    allowTitleToWrap: true,
    buttonSpacing: 8,
    maxActions: 100,
    showCard: { actionMode: "inline", inlineTopMargin: 8 },
    spacing: "default",
  },
  adaptiveCard: { allowCustomStyle: false },
  imageSet: { imageSize: "medium", maxImageHeight: 100 },
  factSet: {
    title: {
      color: "default",
      size: "default",
      isSubtle: false,
      weight: "bolder",
      wrap: false,
      maxWidth: 150,
    },
    value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
    spacing: 8,
  },
  textBlock: { headingLevel: 2 },
} as const;
