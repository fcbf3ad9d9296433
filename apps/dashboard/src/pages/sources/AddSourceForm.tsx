import { useState } from 'react';
import { useMutation } from 'urql';

import { FormAlert } from '../../components/DataTable.js';
import { TextField } from '../../components/Field.js';
import { InlineForm } from '../../components/InlineForm.js';
import { graphql } from '../../graphql.js';
import { describeError } from '../../lib/errors.js';
import { feedUrlProblem } from '../../lib/feedUrl.js';

const AddSource = graphql(`
  mutation AddSource($input: AddSourceInput!) {
    addSource(input: $input) {
      id
      title
      url
    }
  }
`);
export function AddSourceForm({ onAdded }: { onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [state, add] = useMutation(AddSource);
  const submit = async () => {
    setDone(null);
    const found = feedUrlProblem(url);
    setProblem(found);
    if (found) return;
    const outcome = await add({ input: { url: url.trim() } });
    if (outcome.error) {
      setProblem(describeError(outcome.error).message);
      return;
    }
    if (outcome.data) {
      setDone(
        `Added ${outcome.data.addSource.title ?? outcome.data.addSource.url}; it is being fetched now.`,
      );
      setUrl('');
      onAdded();
    }
  };
  return (
    <InlineForm label="Add a source" onSubmit={submit}>
      <TextField
        label="Feed URL"
        type="url"
        value={url}
        placeholder="https://example.com/feed.xml"
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? 'add-source-error' : undefined}
        onChange={setUrl}
      />
      <button type="submit" className="button" disabled={state.fetching}>
        {state.fetching ? 'Adding…' : 'Add source'}
      </button>
      <FormAlert id="add-source-error">{problem}</FormAlert>
      {done && (
        <p className="status-message" role="status">
          {done}
        </p>
      )}
    </InlineForm>
  );
}
