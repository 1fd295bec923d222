#!/usr/bin/env node
/**
 * The `numdiff` binary of the `numdiff` package: see ./launch.ts. The command package is imported by a
 * name held in a variable, so `numdiff` has no dependency on it (not even for types).
 */
import { CLI_PACKAGE, launch } from "./launch.js";

const cli: string = CLI_PACKAGE;
await launch(process.argv.slice(2), () => import(cli));
