import { stencilOffsets } from "../src/core/stencil.js";
console.log(stencilOffsets("forward",1,4), stencilOffsets("backward",1,4));
const x=0.5, hi=0.5+1e-6; let h=((hi-x)/4)*(1-8*2**-52); console.log(h, x+h-x, x+4*(x+h-x)<=hi);
