import { loadCatalogue } from "../src/catalogue/load.ts";
import { loadCorpus, report, scoreCorpus } from "../test/nlu/score.ts";

const file = process.argv[2] ?? "blind-a.json";
const c = loadCorpus(file);
console.log(report(file, c, scoreCorpus(c, loadCatalogue()), process.argv[3] !== "brief"));
