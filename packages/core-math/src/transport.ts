import { ConfigError, DimensionMismatchError, NumericError } from './errors.js';

/** The optimal plan found by {@link solveTransport}. */
export interface TransportPlan {
  /** The minimum total cost `Σ flow[i][j] · costs[i][j]`. */
  readonly cost: number;
  /** `supply.length x demand.length` row-major: the mass moved from source `i` to sink `j`. */
  readonly flow: Float64Array;
  /**
   * Node potentials that prove optimality (the dual solution): `sourcePotentials[i]` and
   * `sinkPotentials[j]` satisfy `sinkPotentials[j] − sourcePotentials[i] ≤ costs[i][j]`, with
   * equality wherever mass flows, and `Σ demand·sink − Σ supply·source = cost`.
   */
  readonly sourcePotentials: Float64Array;
  /** See {@link TransportPlan.sourcePotentials}. */
  readonly sinkPotentials: Float64Array;
}

/** Masses below this share of the total are treated as moved (rounding of the inputs' sums). */
const MASS_TOLERANCE = 1e-12;

function checkMasses(option: string, masses: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < masses.length; i++) {
    const mass = masses[i]!;
    if (!(Number.isFinite(mass) && mass >= 0)) {
      throw new ConfigError(`${option}[${i}]`, mass, 'a finite mass >= 0');
    }
    total += mass;
  }
  return total;
}

/**
 * Exact balanced transportation problem (the earth mover's distance between two histograms of
 * equal mass): moves every unit of `supply` to `demand` at the least total cost, by successive
 * shortest paths with node potentials (each augmentation is a Dijkstra search on reduced costs,
 * which stay non-negative). Sizes up to a few hundred bins per side are meant; the work grows
 * as `(n + m)^2` per augmentation and there are about `n + m` augmentations.
 *
 * @param supply - the masses at the `n` sources (finite, >= 0)
 * @param demand - the masses at the `m` sinks (finite, >= 0), with the same total as `supply`
 * @param costs - `n x m` row-major: the cost of moving one unit from source `i` to sink `j`
 *   (finite, >= 0)
 * @throws ConfigError when a mass or a cost is negative or not finite, or the totals differ by
 *   more than one part in 10^9
 * @throws DimensionMismatchError when `costs` does not hold `n · m` values
 *
 * @example
 * ```ts
 * solveTransport([0.5, 0.5], [1], [1, 3]).cost; // 2
 * ```
 */
export function solveTransport(
  supply: ArrayLike<number>,
  demand: ArrayLike<number>,
  costs: ArrayLike<number>,
): TransportPlan {
  const n = supply.length;
  const m = demand.length;
  if (costs.length !== n * m) throw new DimensionMismatchError(n * m, costs.length, 'cost matrix length');
  const supplyTotal = checkMasses('supply', supply);
  const demandTotal = checkMasses('demand', demand);
  for (let c = 0; c < costs.length; c++) {
    const cost = costs[c]!;
    if (!(Number.isFinite(cost) && cost >= 0)) {
      throw new ConfigError(`costs[${c}]`, cost, 'a finite cost >= 0');
    }
  }
  if (Math.abs(supplyTotal - demandTotal) > 1e-9 * Math.max(supplyTotal, demandTotal)) {
    throw new ConfigError('demand', demandTotal, `a total mass equal to the supply's (${supplyTotal})`);
  }
  return new SuccessiveShortestPaths(supply, demand, costs, MASS_TOLERANCE * supplyTotal).solve();
}

/**
 * The solver's state. Nodes `0 … n−1` are the sources, `n … n+m−1` the sinks. The residual graph
 * has every edge source → sink (unbounded, cost `c`) and sink → source for every edge that carries
 * flow (capacity = the flow, cost `−c`).
 */
class SuccessiveShortestPaths {
  readonly #n: number;
  readonly #m: number;
  readonly #costs: ArrayLike<number>;
  readonly #tolerance: number;
  readonly #left: Float64Array;
  readonly #flow: Float64Array;
  readonly #potential: Float64Array;
  readonly #distance: Float64Array;
  readonly #parent: Int32Array;
  readonly #done: Uint8Array;

  constructor(
    supply: ArrayLike<number>,
    demand: ArrayLike<number>,
    costs: ArrayLike<number>,
    tolerance: number,
  ) {
    const n = supply.length;
    const m = demand.length;
    this.#n = n;
    this.#m = m;
    this.#costs = costs;
    this.#tolerance = tolerance;
    // Supply still to send (sources), demand still to fill (sinks).
    this.#left = new Float64Array(n + m);
    for (let i = 0; i < n; i++) this.#left[i] = supply[i]!;
    for (let j = 0; j < m; j++) this.#left[n + j] = demand[j]!;
    this.#flow = new Float64Array(n * m);
    this.#potential = new Float64Array(n + m);
    this.#distance = new Float64Array(n + m);
    this.#parent = new Int32Array(n + m);
    this.#done = new Uint8Array(n + m);
  }

  solve(): TransportPlan {
    const n = this.#n;
    const m = this.#m;
    // Each augmentation empties a source, fills a sink or cancels the flow of an edge.
    const limit = 64 * (n + m + 1) ** 2;
    for (let step = 0; this.#remaining() > this.#tolerance; step++) {
      if (step === limit) throw new NumericError(`the transport solver did not converge in ${limit} steps`);
      const sink = this.#shortestPaths();
      if (sink < 0) break;
      this.#augment(sink);
    }
    let cost = 0;
    for (let c = 0; c < this.#flow.length; c++) cost += this.#flow[c]! * this.#costs[c]!;
    return {
      cost,
      flow: this.#flow,
      sourcePotentials: this.#potential.slice(0, n),
      sinkPotentials: this.#potential.slice(n, n + m),
    };
  }

  #remaining(): number {
    let sum = 0;
    for (let i = 0; i < this.#n; i++) sum += this.#left[i]!;
    return sum;
  }

  /**
   * Dijkstra from every source with supply left, on reduced costs; returns the nearest sink with
   * demand left (or −1) and updates the potentials so reduced costs stay non-negative.
   */
  #shortestPaths(): number {
    const n = this.#n;
    const m = this.#m;
    const costs = this.#costs;
    const potential = this.#potential;
    const distance = this.#distance;
    const parent = this.#parent;
    const done = this.#done;
    const tolerance = this.#tolerance;
    distance.fill(Number.POSITIVE_INFINITY);
    parent.fill(-1);
    done.fill(0);
    for (let i = 0; i < n; i++) if (this.#left[i]! > tolerance) distance[i] = 0;
    let target = -1;
    for (;;) {
      let node = -1;
      let best = Number.POSITIVE_INFINITY;
      for (let v = 0; v < n + m; v++) {
        if (done[v] === 0 && distance[v]! < best) {
          best = distance[v]!;
          node = v;
        }
      }
      if (node < 0) break;
      done[node] = 1;
      if (node >= n && this.#left[node]! > tolerance) {
        target = node;
        break;
      }
      if (node < n) {
        const base = potential[node]!;
        for (let j = 0; j < m; j++) {
          const sink = n + j;
          if (done[sink] === 1) continue;
          const reduced = Math.max(0, costs[node * m + j]! + base - potential[sink]!);
          if (best + reduced < distance[sink]!) {
            distance[sink] = best + reduced;
            parent[sink] = node;
          }
        }
      } else {
        const j = node - n;
        const base = potential[node]!;
        for (let i = 0; i < n; i++) {
          if (done[i] === 1 || this.#flow[i * m + j]! <= 0) continue;
          const reduced = Math.max(0, base - costs[i * m + j]! - potential[i]!);
          if (best + reduced < distance[i]!) {
            distance[i] = best + reduced;
            parent[i] = node;
          }
        }
      }
    }
    if (target < 0) return -1;
    const reach = distance[target]!;
    for (let v = 0; v < n + m; v++) potential[v]! += Math.min(distance[v]!, reach);
    return target;
  }

  /** Sends as much as the path to `sink` allows. */
  #augment(sink: number): void {
    const n = this.#n;
    const m = this.#m;
    const parent = this.#parent;
    let amount = this.#left[sink]!;
    let v = sink;
    while (parent[v]! >= 0) {
      const u = parent[v]!;
      if (u >= n) amount = Math.min(amount, this.#flow[v * m + (u - n)]!);
      v = u;
    }
    amount = Math.min(amount, this.#left[v]!);
    this.#left[v]! -= amount;
    this.#left[sink]! -= amount;
    v = sink;
    while (parent[v]! >= 0) {
      const u = parent[v]!;
      if (u < n) this.#flow[u * m + (v - n)]! += amount;
      else {
        const edge = v * m + (u - n);
        this.#flow[edge] = Math.max(0, this.#flow[edge]! - amount);
      }
      v = u;
    }
  }
}
