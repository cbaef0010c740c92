// What a cancelled piece of work (a walk, a reading on worker threads) throws.
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}
