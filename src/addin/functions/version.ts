/** package.json's version, put in by the build (webpack's DefinePlugin; jest's globals in tests). */
declare const __ADDIN_VERSION__: string;

export const ADDIN_VERSION: string = __ADDIN_VERSION__;
