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
    if (this.set.has(id)) return false;
    if (this.ring.length < DEDUP_CAPACITY) this.ring.push(id);
    else {
      this.set.delete(this.ring[this.next]!);
      this.ring[this.next] = id;
      this.next = (this.next + 1) % DEDUP_CAPACITY;
    }
    this.set.add(id);
    return true;
  }

  toJSON(): DedupState {
    return { ring: this.ring.slice(), next: this.next };
  }
}
