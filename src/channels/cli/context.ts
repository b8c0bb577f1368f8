import { type Catalogue, loadCatalogue } from "../../catalogue/load.ts";

/** The catalogue with the centre's local overrides (CATALOGUE_OVERRIDES) merged in. */
export function openCatalogue(env: NodeJS.ProcessEnv): Catalogue {
  const overridesDir = env.CATALOGUE_OVERRIDES?.trim() || undefined;
  return loadCatalogue({ overridesDir });
}
