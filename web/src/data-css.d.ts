// Stylesheets imported for their side effect (Vite bundles them into the page's one stylesheet).
declare module "*.css";
