import { expect } from "vitest";

/**
 * The error `fn` throws; fails the test when it returns instead, so an assertion about the error
 * cannot pass vacuously (a bare try/catch asserts nothing once the call stops throwing).
 * @param fn the call expected to throw
 * @param type the class the error must be an instance of
 * @returns the error, typed as `type`
 */
export function thrown<E extends Error>(fn: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return e as E;
  }
  return expect.fail(`expected ${type.name} to be thrown, but the call returned`);
}
