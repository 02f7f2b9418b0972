export interface EnsureBuiltOptions {
  readonly server?: boolean;
  readonly tab?: boolean;
  readonly log?: (line: string) => void;
}

export function ensureBuilt(options?: EnsureBuiltOptions): void;
