/**
 * The last few results of one computation, by key, the most recently used kept: a lead who
 * switches back to a filter just used sees its panels at once instead of waiting for 100,000 rows
 * to be aggregated again. Make a new one when the inputs behind the keys change.
 */
export class Recent<T> {
  readonly #values = new Map<string, T>();

  constructor(readonly size = 4) {}

  get(key: string, compute: () => T): T {
    if (this.#values.has(key)) {
      const hit = this.#values.get(key) as T;
      this.#values.delete(key);
      this.#values.set(key, hit);
      return hit;
    }
    const value = compute();
    this.#values.set(key, value);
    if (this.#values.size > this.size) this.#values.delete(this.#values.keys().next().value as string);
    return value;
  }
}
