import fs from "node:fs";
import path from "node:path";

// A plain CommonJS build script, shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinBaseUrl, rewriteDevUrls, rewriteManifestUrls } = require("../scripts/manifest-urls");

const manifest = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");

describe("production manifest URLs", () => {
  it("keeps the dev server when ADDIN_BASE_URL is not set", () => {
    expect(addinBaseUrl({})).toBe("https://localhost:3000/");
  });

  it("accepts an https base with or without a path and a trailing slash", () => {
    expect(addinBaseUrl({ ADDIN_BASE_URL: "https://addin.example.com" })).toBe(
      "https://addin.example.com/",
    );
    expect(addinBaseUrl({ ADDIN_BASE_URL: "https://cdn.example.com/cofactr/" })).toBe(
      "https://cdn.example.com/cofactr/",
    );
  });

  it("refuses a plain http base", () => {
    expect(() => addinBaseUrl({ ADDIN_BASE_URL: "http://addin.example.com" })).toThrow(/https/);
  });

  it("moves every URL of the manifest and its app domain to the new host", () => {
    const rewritten: string = rewriteManifestUrls(manifest, "https://cdn.example.com/cofactr/");
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).toContain('"https://cdn.example.com/cofactr/taskpane.html"');
    expect(rewritten).toContain('"https://cdn.example.com/cofactr/functions.json"');
    expect(rewritten).toContain("<AppDomain>https://cdn.example.com</AppDomain>");
    const urlCount = (text: string) => (text.match(/https:\/\//g) ?? []).length;
    expect(urlCount(rewritten)).toBe(urlCount(manifest));
  });

  it("moves the functions' help URLs too", () => {
    const functionsJson =
      '{"functions":[{"id":"PRICE","helpUrl":"https://localhost:3000/help.html"}]}';
    const rewritten: string = rewriteDevUrls(functionsJson, "https://addin.example.com");
    expect(JSON.parse(rewritten).functions[0].helpUrl).toBe("https://addin.example.com/help.html");
  });
});
