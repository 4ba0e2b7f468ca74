// Validates Kubernetes objects against the API's JSON schemas with npm kubernetes-models: required
// fields, types and formats. Reads a JSON array of objects on stdin; prints a JSON array of
// { kind, name, error } for every object that fails (or whose kind is unknown). Usage:
//   node validate-objects.mjs <kubernetes-models package dir> < objects.json
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modelsDir = process.argv[2];
const objects = JSON.parse(readFileSync(0, "utf8"));
const failures = [];
for (const object of objects) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const file = join(modelsDir, ...(group ? [group] : []), version, `${object.kind}.js`);
  const name = object.metadata?.name;
  if (!existsSync(file)) {
    failures.push({ kind: object.kind, name, error: `no schema for ${object.apiVersion} ${object.kind}` });
    continue;
  }
  const model = (await import(pathToFileURL(file).href))[object.kind];
  try {
    new model(object).validate();
  } catch (error) {
    failures.push({ kind: object.kind, name, error: error.message });
  }
}
process.stdout.write(JSON.stringify(failures));
