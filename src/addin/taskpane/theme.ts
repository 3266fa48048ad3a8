/** The pane follows Office's theme: dark Office themes have a dark body background. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export function isDarkColor(color: string | undefined | null): boolean {
  if (!color || !/^#?[0-9a-f]{6}$/i.test(color)) return false;
  const hex = color.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0) < 128;
}

export function officeTheme(): Theme {
  const background =
    typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
  return isDarkColor(background) ? webDarkTheme : webLightTheme;
}
