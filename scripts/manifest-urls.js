/* Where the add-in is hosted: the dev server by default, ADDIN_BASE_URL for a production build. */
const DEV_BASE_URL = "https://localhost:3000/";

/** The base URL every manifest URL starts with; only https:// is accepted (Office requires it). */
function addinBaseUrl(env = process.env) {
  const configured = env.ADDIN_BASE_URL;
  if (!configured) return DEV_BASE_URL;
  const url = new URL(configured);
  if (url.protocol !== "https:") throw new Error("ADDIN_BASE_URL must be an https:// URL");
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest with every dev-server URL moved to baseUrl. */
function rewriteManifestUrls(manifestText, baseUrl) {
  const withSlash = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const origin = new URL(withSlash).origin;
  return manifestText
    .split(DEV_BASE_URL)
    .join(withSlash)
    .split(`<AppDomain>${DEV_BASE_URL.slice(0, -1)}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`);
}

/** Any other built text (functions.json's help URLs) with dev-server URLs moved to baseUrl. */
function rewriteDevUrls(text, baseUrl) {
  const withSlash = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return text.split(DEV_BASE_URL).join(withSlash);
}

/** The manifest's <Version> from package.json's version (Office wants four parts: 0.1.0 → 0.1.0.0). */
function setManifestVersion(manifestText, packageVersion) {
  const parts = packageVersion.split(/[-+]/)[0].split(".");
  while (parts.length < 4) parts.push("0");
  return manifestText.replace(/<Version>[^<]*<\/Version>/, `<Version>${parts.join(".")}</Version>`);
}

module.exports = {
  DEV_BASE_URL,
  addinBaseUrl,
  rewriteManifestUrls,
  rewriteDevUrls,
  setManifestVersion,
};
