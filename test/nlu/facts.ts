import fc from "fast-check";

/**
 * Facts as learners and advisers state them before asking ("I'm 24, team leader in Leeds. What
 * should I do?"): none of them asks anything, holds a qualification or wishes for one.
 */
export const factsSaid = (minLength = 0): fc.Arbitrary<string[]> =>
  fc.array(
    fc.constantFrom(
      "I'm 24",
      "team leader in Leeds",
      "got GCSEs",
      "no job at the moment",
      "3 years on the phones",
      "my son is 17",
      "no idea lol",
    ),
    { minLength, maxLength: 4 },
  );
