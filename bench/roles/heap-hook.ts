/**
 * Preloaded (`node --expose-gc --require heap-hook.js`) into every process the bench measures, ours and
 * the floors alike: on the bench's IPC message it forces a full GC and answers with the heap then, so
 * live data and garbage are told apart. Production code knows nothing of it and no HTTP route exposes it.
 */
import v8 from 'node:v8';

export interface HeapRequest {
  type: 'gc-and-measure';
}

/** The heap right after a forced full GC, in bytes. */
export interface HeapStatistics {
  type: 'heap';
  usedHeapBytes: number;
  totalHeapBytes: number;
  externalBytes: number;
  rssBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

if (process.send !== undefined) {
  process.on('message', (message: HeapRequest) => {
    if (message?.type !== 'gc-and-measure' || gc === undefined) return;
    gc();
    const heap = v8.getHeapStatistics();
    const answer: HeapStatistics = {
      type: 'heap',
      usedHeapBytes: heap.used_heap_size,
      totalHeapBytes: heap.total_heap_size,
      externalBytes: process.memoryUsage().external,
      rssBytes: process.memoryUsage().rss,
    };
    process.send?.(answer);
  });
  // The channel must not keep the process alive: a target stops on SIGTERM as it would in production.
  process.channel?.unref();
}
