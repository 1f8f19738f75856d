import { RepeatingTask } from './repeating-task';

describe('RepeatingTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('runs first after the delay, then on every interval, until stopped', async () => {
    const work = jest.fn(async () => undefined);
    const task = new RepeatingTask(work, { firstRunAfterMs: 1_000, everyMs: 10_000, onError: jest.fn() });
    task.start();
    task.start(); // a second start changes nothing

    jest.advanceTimersByTime(999);
    expect(work).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    await flush();
    expect(work).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(work).toHaveBeenCalledTimes(2);

    await task.stop();
    expect(task.started).toBe(false);
    jest.advanceTimersByTime(100_000);
    await flush();
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('skips a tick while a run is still going, and stop() waits for that run', async () => {
    let finish!: () => void;
    const work = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const task = new RepeatingTask(work, { firstRunAfterMs: 0, everyMs: 10, onError: jest.fn() });
    task.start();
    jest.advanceTimersByTime(0);
    await flush();
    jest.advanceTimersByTime(50);
    await flush();
    expect(work).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('reports a failed run and keeps the schedule', async () => {
    const onError = jest.fn();
    const work = jest.fn().mockRejectedValueOnce(new Error('database away')).mockResolvedValue(undefined);
    const task = new RepeatingTask(work, { firstRunAfterMs: 0, everyMs: 10, onError });
    task.start();
    jest.advanceTimersByTime(0);
    await flush();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database away' }));
    jest.advanceTimersByTime(10);
    await flush();
    expect(work).toHaveBeenCalledTimes(2);
    await task.stop();
  });

  it('does not keep the process alive', () => {
    const task = new RepeatingTask(async () => undefined, { firstRunAfterMs: 60_000, everyMs: 60_000, onError: jest.fn() });
    jest.useRealTimers();
    task.start();
    // Unref'd timers report hasRef() false.
    expect((task as unknown as { firstRun: NodeJS.Timeout }).firstRun.hasRef()).toBe(false);
    return task.stop();
  });
});
