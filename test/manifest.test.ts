/** Offline checks of manifest.xml: the online validator needs a network this project lacks. */
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

const manifestText = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: () => false,
});
const manifest = parser.parse(manifestText).OfficeApp;

/** Every element of a parsed tree, depth first, with its tag name. */
function* elements(
  node: unknown,
  name = "OfficeApp",
): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, name);
    return;
  }
  if (node === null || typeof node !== "object") return;
  yield [name, node as Record<string, unknown>];
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith("@")) yield* elements(value, key);
  }
}

const all = [...elements(manifest)];
// Resource definitions carry an id; the bt:Image elements inside <Icon> only point at one.
const resources = all.filter(
  ([name, node]) => /^bt:(?:Image|Url|String)$/.test(name) && typeof node["@id"] === "string",
);
const resourceIds = new Map(
  resources.map(([name, node]) => [node["@id"] as string, { name, node }]),
);

function resourceUrl(id: string): string {
  const resource = resourceIds.get(id);
  if (!resource) throw new Error(`no resource ${id}`);
  return resource.node["@DefaultValue"] as string;
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel workbooks with a GUID id and a four-part version", () => {
    expect(manifest["@xsi:type"]).toBe("TaskPaneApp");
    expect(manifest.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(String(manifest.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(manifest.Hosts.Host["@Name"]).toBe("Workbook");
  });

  it("keeps OfficeApp's children in schema order", () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const present = Object.keys(manifest).filter((key) => !key.startsWith("@"));
    expect(present).toEqual(order.filter((key) => present.includes(key)));
    expect(present).toEqual(order);
  });

  it("requires the shared runtime and declares one long-lived runtime", () => {
    const sets = [manifest.Requirements.Sets.Set].flat();
    expect(sets.map((set: Record<string, string>) => set["@Name"])).toContain("SharedRuntime");
    const runtimes = all.filter(([name]) => name === "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.[1]["@lifetime"]).toBe("long");
  });

  it("points the runtime, the functions page and the function file at the same resource", () => {
    const host = manifest.VersionOverrides.Hosts.Host;
    const runtime = host.Runtimes.Runtime["@resid"];
    const customFunctions = [host.AllFormFactors.ExtensionPoint]
      .flat()
      .find((point: Record<string, unknown>) => point["@xsi:type"] === "CustomFunctions");
    expect(customFunctions.Page.SourceLocation["@resid"]).toBe(runtime);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtime);
    expect(resourceUrl(runtime)).toMatch(/\/taskpane\.html$/);
    expect(resourceUrl(customFunctions.Script.SourceLocation["@resid"])).toMatch(
      /\/functions\.js$/,
    );
    expect(resourceUrl(customFunctions.Metadata.SourceLocation["@resid"])).toMatch(
      /\/functions\.json$/,
    );
    expect(resourceIds.get(customFunctions.Namespace["@resid"])?.node["@DefaultValue"]).toBe(
      "COFACTR",
    );
  });

  it("has an Upload BOM button that runs a function and a button that opens the pane", () => {
    const controls = all.filter(([name]) => name === "Control").map(([, node]) => node);
    const actions = controls.map((control) => control.Action as Record<string, string>);
    expect(actions).toContainEqual(
      expect.objectContaining({ "@xsi:type": "ExecuteFunction", FunctionName: "uploadBom" }),
    );
    expect(actions.some((action) => action["@xsi:type"] === "ShowTaskpane")).toBe(true);
    const labels = controls.map((control) =>
      resourceIds.get((control.Label as Record<string, string>)["@resid"] ?? ""),
    );
    expect(labels.map((label) => label?.node["@DefaultValue"])).toContain("Upload BOM");
  });

  it("resolves every resid to a resource of the right kind", () => {
    const references = all.flatMap(([name, node]) =>
      typeof node["@resid"] === "string" ? [[name, node["@resid"] as string] as const] : [],
    );
    expect(references.length).toBeGreaterThan(10);
    for (const [element, id] of references) {
      const resource = resourceIds.get(id);
      expect({ element, id, found: resource !== undefined }).toEqual({ element, id, found: true });
      if (element === "bt:Image") expect(resource?.name).toBe("bt:Image");
      if (element === "Label" || element === "Title" || element === "Namespace")
        expect(resource?.name).toBe("bt:String");
    }
  });

  it("has an icon file in assets/ for every image, at 16, 32, 64 and 80 px", () => {
    const imageUrls = resources
      .filter(([name]) => name === "bt:Image")
      .map(([, node]) => node["@DefaultValue"] as string)
      .concat([manifest.IconUrl["@DefaultValue"], manifest.HighResolutionIconUrl["@DefaultValue"]]);
    for (const url of imageUrls) {
      const file = path.join(__dirname, "..", new URL(url).pathname);
      expect(fs.existsSync(file)).toBe(true);
    }
    for (const size of [16, 32, 64, 80]) {
      expect(fs.existsSync(path.join(__dirname, "..", "assets", `icon-${size}.png`))).toBe(true);
    }
  });

  it("uses HTTPS for every URL", () => {
    const urls = [...manifestText.matchAll(/(?:DefaultValue="|<AppDomain>)(\w+:\/\/[^"<]+)/g)].map(
      (match) => match[1] ?? "",
    );
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("keeps strings within the manifest's length limits", () => {
    expect(manifest.DisplayName["@DefaultValue"].length).toBeLessThanOrEqual(125);
    expect(manifest.Description["@DefaultValue"].length).toBeLessThanOrEqual(250);
    for (const [name, node] of all) {
      if (name !== "bt:ShortStrings" && name !== "bt:LongStrings") continue;
      const limit = name === "bt:ShortStrings" ? 125 : 250;
      for (const item of [node["bt:String"]].flat() as Record<string, string>[]) {
        expect(item["@DefaultValue"]?.length).toBeLessThanOrEqual(limit);
      }
    }
  });
});
