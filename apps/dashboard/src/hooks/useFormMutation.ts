import { useState } from 'react';
import { useMutation, type AnyVariables, type DocumentInput } from 'urql';

import { describeError } from '../lib/errors.js';

/**
 * A form's mutation and the problem the form shows. `send` clears the problem, runs the mutation and hands a
 * success's data to `onDone`; a failure becomes the problem, in the words `describeError` finds for it.
 */
export function useFormMutation<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
) {
  const [problem, setProblem] = useState<string | null>(null);
  const [state, execute] = useMutation(document);
  const send = async (variables: Variables, onDone: (data: Data) => void) => {
    setProblem(null);
    const outcome = await execute(variables);
    if (outcome.error) setProblem(describeError(outcome.error).message);
    else if (outcome.data) onDone(outcome.data);
  };
  return { problem, setProblem, busy: state.fetching, send };
}
