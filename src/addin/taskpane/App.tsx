import * as React from "react";
import {
  FluentProvider,
  Title2,
  Body1,
  webLightTheme,
  webDarkTheme,
} from "@fluentui/react-components";

/** Dark Office themes have a dark body background; follow them. */
function officeIsDark(): boolean {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return false;
  const hex = background.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0) < 128;
}

export function App(): React.JSX.Element {
  return (
    <FluentProvider
      theme={officeIsDark() ? webDarkTheme : webLightTheme}
      style={{ minHeight: "100%" }}
    >
      <main style={{ padding: 16 }}>
        <Title2 as="h1">Cofactr for Excel</Title2>
        <Body1 as="p">Map, upload and price your BOM.</Body1>
      </main>
    </FluentProvider>
  );
}
