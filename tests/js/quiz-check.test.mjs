// quiz-check.js against the shared checking spec, and its format and shuffle helpers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadScripts, readSpec } from "./load.mjs";

const sc = loadScripts("quiz-check.js");
const spec = readSpec();
// Objects made inside the script's context have that context's prototypes: compare their values.
const plain = (value) => JSON.parse(JSON.stringify(value));

test("every spec case is checked, judged and explained as specified", () => {
  assert.ok(spec.cases.length > 0);
  for (const { question, answer, expected } of spec.cases) {
    const check = sc.check(question, answer, spec.strings);
    const lines = sc.feedbackLines(question, check, answer, spec.strings)
      .map((line) => [line.correct, line.text, line.feedback]);
    const outcome = { answered: check.answered, correct: check.correct, right: check.right, total: check.total,
      missed: check.missed, note: check.note, verdict: sc.verdict(question, check, spec.strings), lines };
    assert.deepEqual(plain(outcome), expected, `${question.id} answered ${JSON.stringify(answer)}`);
  }
});

test("the answer text of every spec question is as specified", () => {
  for (const { question, text } of spec.answer_texts) {
    assert.equal(sc.answerText(question, spec.strings), text, question.id);
  }
});

test("shuffled orders match the Python shuffle", () => {
  for (const { count, seed, avoid, order } of spec.shuffles) {
    assert.deepEqual(plain(sc.shuffled(count, seed, avoid)), order, `${count} ${seed} ${avoid}`);
  }
});

test("format fills known placeholders and leaves unknown ones", () => {
  assert.equal(sc.format("{n} of {m}", { n: 2, m: 5 }), "2 of 5");
  assert.equal(sc.format("{n} and {missing}", { n: 0 }), "0 and {missing}");
  assert.equal(sc.format("{toString}", {}), "{toString}", "inherited names are not values");
  assert.equal(sc.format("{n}", undefined), "{n}");
});

test("numbers are read with a unit, a percent sign or a decimal comma", () => {
  assert.equal(sc.parseNumber(" 70 percent ", "percent"), 70);
  assert.equal(sc.parseNumber("12,5%", ""), 12.5);
  assert.equal(sc.parseNumber(".5", ""), 0.5);
  assert.equal(sc.parseNumber("seventy", ""), null);
  assert.equal(sc.parseNumber("1e3", ""), null);
});
