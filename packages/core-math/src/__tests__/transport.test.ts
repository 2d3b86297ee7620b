import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, DimensionMismatchError, solveTransport, type TransportPlan } from '../index.js';

/** Checks the plan moves every mass, and that its potentials certify optimality (LP duality). */
function expectOptimal(plan: TransportPlan, supply: number[], demand: number[], costs: number[]): void {
  const m = demand.length;
  const tolerance = 1e-9 * (1 + Math.max(...costs)) * (1 + supply.reduce((a, b) => a + b, 0));
  supply.forEach((mass, i) => {
    let sent = 0;
    for (let j = 0; j < m; j++) sent += plan.flow[i * m + j]!;
    expect(sent).toBeCloseTo(mass, 9);
  });
  demand.forEach((mass, j) => {
    let received = 0;
    for (let i = 0; i < supply.length; i++) received += plan.flow[i * m + j]!;
    expect(received).toBeCloseTo(mass, 9);
  });
  let dual = 0;
  supply.forEach((mass, i) => {
    dual -= mass * plan.sourcePotentials[i]!;
    for (let j = 0; j < m; j++) {
      const slack = costs[i * m + j]! - plan.sinkPotentials[j]! + plan.sourcePotentials[i]!;
      expect(slack).toBeGreaterThanOrEqual(-tolerance);
      expect(plan.flow[i * m + j]!).toBeGreaterThanOrEqual(0);
    }
  });
  demand.forEach((mass, j) => {
    dual += mass * plan.sinkPotentials[j]!;
  });
  expect(Math.abs(dual - plan.cost)).toBeLessThanOrEqual(tolerance);
}

/** The cheapest assignment of n items (uniform masses 1/n), by trying every permutation. */
function bruteForceAssignment(costs: number[], n: number): number {
  let best = Number.POSITIVE_INFINITY;
  const permute = (row: number, used: boolean[], sum: number) => {
    if (row === n) {
      best = Math.min(best, sum);
      return;
    }
    for (let j = 0; j < n; j++) {
      if (used[j]) continue;
      used[j] = true;
      permute(row + 1, used, sum + costs[row * n + j]!);
      used[j] = false;
    }
  };
  permute(0, [], 0);
  return best / n;
}

describe('solveTransport', () => {
  it('solves hand-computed problems', () => {
    expect(solveTransport([0.5, 0.5], [1], [1, 3]).cost).toBeCloseTo(2, 12);
    // Two sources, two sinks: the crossing plan costs 2, the straight one 0.2.
    const straight = solveTransport([0.5, 0.5], [0.5, 0.5], [0.1, 2, 2, 0.3]);
    expect(straight.cost).toBeCloseTo(0.2, 12);
    expect(Array.from(straight.flow)).toEqual([0.5, 0, 0, 0.5]);
    // Mass must be split: source 0 (0.7) fills sink 0 (0.4) and sends 0.3 on to sink 1.
    const split = solveTransport([0.7, 0.3], [0.4, 0.6], [1, 2, 5, 1]);
    expect(split.cost).toBeCloseTo(0.4 * 1 + 0.3 * 2 + 0.3 * 1, 12);
    // Zero masses and a zero total.
    expect(solveTransport([0, 1], [1, 0], [9, 9, 4, 9]).cost).toBeCloseTo(4, 12);
    expect(solveTransport([0], [0], [3]).cost).toBe(0);
    expect(solveTransport([], [], []).cost).toBe(0);
  });

  it('needs a path that takes back flow from an earlier, greedy augmentation', () => {
    // Greedy (each source to its cheapest sink) sends source 0 to sink 0; the optimum sends it to
    // sink 1 so that source 1 can use sink 0.
    const costs = [1, 2, 1, 100];
    const plan = solveTransport([0.5, 0.5], [0.5, 0.5], costs);
    expect(plan.cost).toBeCloseTo(1.5, 12);
    expectOptimal(plan, [0.5, 0.5], [0.5, 0.5], costs);
  });

  it('matches the best permutation for uniform masses (every assignment tried)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }),
            ),
          ),
        ([n, costs]) => {
          const uniform = Array.from({ length: n }, () => 1 / n);
          const plan = solveTransport(uniform, uniform, costs);
          expect(plan.cost).toBeCloseTo(bruteForceAssignment(costs, n), 9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns a plan whose potentials prove it optimal, for any masses and costs', () => {
    const histogram = (size: number) =>
      fc
        .array(fc.integer({ min: 0, max: 20 }), { minLength: size, maxLength: size })
        .filter((h) => h.some((x) => x > 0))
        .map((h) => {
          const total = h.reduce((a, b) => a + b, 0);
          return h.map((x) => x / total);
        });
    const problem = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
      .chain(([n, m]) =>
        fc.tuple(
          histogram(n),
          histogram(m),
          fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: n * m, maxLength: n * m }),
        ),
      );
    fc.assert(
      fc.property(problem, ([supply, demand, costs]) => {
        expectOptimal(solveTransport(supply, demand, costs), supply, demand, costs);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad input with an error naming the value', () => {
    expect(() => solveTransport([1], [1], [1, 2])).toThrow(DimensionMismatchError);
    expect(() => solveTransport([1, -0.5], [0.5], [1, 1])).toThrow('option supply[1]: got -0.5');
    expect(() => solveTransport([1], [Number.NaN], [1])).toThrow(ConfigError);
    expect(() => solveTransport([1], [1], [Number.POSITIVE_INFINITY])).toThrow('option costs[0]');
    expect(() => solveTransport([1], [1], [-1])).toThrow('a finite cost >= 0');
    expect(() => solveTransport([1], [0.5], [1])).toThrow("a total mass equal to the supply's (1)");
  });
});
