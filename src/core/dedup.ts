/** A bounded set of recent request ids: one request counts once, however many of its events arrive. */
export const DEDUP_CAPACITY = 2048;

export interface DedupState {
  ring: string[];
  next: number;
}

export class RecentIds {
  private readonly set = new Set<string>();
  private ring: string[];
  private next: number;

  constructor(state?: DedupState) {
    this.ring = state ? state.ring.slice(0, DEDUP_CAPACITY) : [];
    this.next = state ? state.next % DEDUP_CAPACITY : 0;
    for (const id of this.ring) this.set.add(id);
  }

  has(id: string): boolean {
    return this.set.has(id);
  }

  /** Remembers `id`, forgetting the oldest one when full. False when it was already known. */
  add(id: string): boolean {
    // Added first, then asked whether the set grew: one hash lookup fewer than has() then add(),
    // on every request. (The set holds one id more than the ring for a moment; nothing reads it.)
    const size = this.set.size;
    this.set.add(id);
    if (this.set.size === size) return false;
    if (this.ring.length < DEDUP_CAPACITY) this.ring.push(id);
    else {
      // The oldest id cannot be `id` itself: `id` was not in the set.
      this.set.delete(this.ring[this.next]!);
      this.ring[this.next] = id;
      this.next = (this.next + 1) % DEDUP_CAPACITY;
    }
    return true;
  }

  toJSON(): DedupState {
    return { ring: this.ring.slice(), next: this.next };
  }
}
