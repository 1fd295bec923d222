/**
 * math.js's single-file build (lib/browser/math.js, CommonJS/UMD), which loads in a fraction of the
 * time of its ES-module tree (one file instead of hundreds). Its default export is an instance whose
 * `create(config)` makes new instances with every function.
 */
declare module "mathjs/lib/browser/math.js" {
  import type { ConfigOptions, MathJsInstance } from "mathjs";
  const math: Omit<MathJsInstance, "create"> & { create(config?: ConfigOptions): MathJsInstance };
  export default math;
}
