import { describe, expect, it } from 'vitest';
import { type ApiState, latestCall } from '../../../renderer/use-api';

/** A call whose answer the test gives when it wants. */
function deferred() {
  let answer!: (value: string) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<string>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { call: () => promise, answer, fail };
}

type Step =
  | ['run', string]
  | ['answer', string, string]
  | ['fail', string, string]
  | ['drop']
  | ['throw', string];

/** Runs the steps on one latestCall; returns the last state shown and the handlers that ran. */
async function play(steps: Step[]) {
  let shown: ApiState<string> = { value: undefined, error: null, loading: false };
  const ran: string[] = [];
  const caller = latestCall<string>(shown, (state) => {
    shown = state;
  });
  const calls = new Map<string, ReturnType<typeof deferred>>();
  for (const step of steps) {
    if (step[0] === 'run') {
      const name = step[1];
      const call = deferred();
      calls.set(name, call);
      caller.run(call.call, {
        done: (value) => ran.push(`${name} done ${value}`),
        failed: (error) => ran.push(`${name} failed ${(error as Error).message}`),
      });
    } else if (step[0] === 'throw') {
      const name = step[1];
      caller.run(
        () => {
          throw new Error('at once');
        },
        { failed: (error) => ran.push(`${name} failed ${(error as Error).message}`) },
      );
    } else if (step[0] === 'answer') {
      calls.get(step[1])?.answer(step[2]);
    } else if (step[0] === 'fail') {
      calls.get(step[1])?.fail(new Error(step[2]));
    } else {
      caller.drop();
    }
    // Let the answers given so far arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const { value, loading } = shown;
  const error = shown.error === null ? null : (shown.error as Error).message;
  return { value, error, loading, ran };
}

describe('a screen’s call to the core (useApi)', () => {
  it.each<{
    story: string;
    steps: Step[];
    value?: string;
    error: string | null;
    loading: boolean;
    ran: string[];
  }>([
    {
      story: 'is loading until the answer comes, then keeps it',
      steps: [['run', 'A']],
      error: null,
      loading: true,
      ran: [],
    },
    {
      story: 'keeps the answer and runs what the screen does with it',
      steps: [
        ['run', 'A'],
        ['answer', 'A', 'one'],
      ],
      value: 'one',
      error: null,
      loading: false,
      ran: ['A done one'],
    },
    {
      story: 'drops an older call that answers after a newer one was made',
      steps: [
        ['run', 'A'],
        ['run', 'B'],
        ['answer', 'B', 'two'],
        ['answer', 'A', 'one'],
      ],
      value: 'two',
      error: null,
      loading: false,
      ran: ['B done two'],
    },
    {
      story: 'drops an older call that fails after a newer one was made',
      steps: [
        ['run', 'A'],
        ['run', 'B'],
        ['fail', 'A', 'late'],
        ['answer', 'B', 'two'],
      ],
      value: 'two',
      error: null,
      loading: false,
      ran: ['B done two'],
    },
    {
      story: 'stays loading while only the older call has answered',
      steps: [
        ['run', 'A'],
        ['run', 'B'],
        ['answer', 'A', 'one'],
      ],
      error: null,
      loading: true,
      ran: [],
    },
    {
      story: 'takes nothing once the screen is gone',
      steps: [['run', 'A'], ['drop'], ['answer', 'A', 'one']],
      error: null,
      loading: false,
      ran: [],
    },
    {
      story: 'runs nothing for a failure once the screen is gone',
      steps: [['run', 'A'], ['drop'], ['fail', 'A', 'refused']],
      error: null,
      loading: false,
      ran: [],
    },
    {
      story: 'keeps the last answer on screen while the call is made again',
      steps: [
        ['run', 'A'],
        ['answer', 'A', 'one'],
        ['run', 'B'],
      ],
      value: 'one',
      error: null,
      loading: true,
      ran: ['A done one'],
    },
    {
      story: 'keeps the last answer beside the failure of a later call',
      steps: [
        ['run', 'A'],
        ['answer', 'A', 'one'],
        ['run', 'B'],
        ['fail', 'B', 'offline'],
      ],
      value: 'one',
      error: 'offline',
      loading: false,
      ran: ['A done one', 'B failed offline'],
    },
    {
      story: 'forgets a failure once a later call answers',
      steps: [
        ['run', 'A'],
        ['fail', 'A', 'offline'],
        ['run', 'B'],
        ['answer', 'B', 'two'],
      ],
      value: 'two',
      error: null,
      loading: false,
      ran: ['A failed offline', 'B done two'],
    },
    {
      story: 'fails a call that throws before it is made like one that is refused',
      steps: [['throw', 'A']],
      error: 'at once',
      loading: false,
      ran: ['A failed at once'],
    },
  ])('$story', async ({ steps, value, error, loading, ran }) => {
    expect(await play(steps)).toEqual({ value, error, loading, ran });
  });
});
