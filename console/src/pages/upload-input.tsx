/**
 * Where an upload's bytes come from: a chosen or dropped `.txt`/`.html` file, or pasted text. A file is
 * kept as its exact bytes, so the upload id (their SHA-256) names what the editor chose.
 */
import { useState } from 'preact/hooks';

export type SourceType = 'text/plain' | 'text/html';

export interface SourceInput {
  bytes: Uint8Array;
  contentType: SourceType;
  /** The file's name, or null for pasted text. */
  name: string | null;
}

const HTML = /\.html?$/i;
const TEXT = /\.txt$/i;

/** The content type a file name implies, or null for anything but .txt/.html. */
export function typeOfFile(name: string): SourceType | null {
  if (HTML.test(name)) return 'text/html';
  if (TEXT.test(name)) return 'text/plain';
  return null;
}

interface Props {
  onChange: (input: SourceInput | null) => void;
}

export function UploadInput({ onChange }: Props) {
  const [text, setText] = useState('');
  const [pastedType, setPastedType] = useState<SourceType>('text/plain');
  const [file, setFile] = useState<{ name: string; type: SourceType; bytes: number } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const takeFile = (chosen: File | undefined) => {
    if (!chosen) return;
    const type = typeOfFile(chosen.name);
    if (!type) {
      setRefused(`“${chosen.name}” is not a .txt or .html file.`);
      return;
    }
    setRefused(null);
    chosen.arrayBuffer().then(
      (buffer) => {
        setFile({ name: chosen.name, type, bytes: buffer.byteLength });
        setText('');
        onChange({ bytes: new Uint8Array(buffer), contentType: type, name: chosen.name });
      },
      (err: unknown) => setRefused(`“${chosen.name}” could not be read: ${(err as Error).message}`),
    );
  };

  const paste = (value: string, type: SourceType) => {
    setText(value);
    setPastedType(type);
    setFile(null);
    onChange(value.trim() ? { bytes: new TextEncoder().encode(value), contentType: type, name: null } : null);
  };

  return (
    <fieldset class="upload-input">
      <legend>Fact sheet</legend>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside is the keyboard way to the same thing. */}
      <div
        class={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          takeFile(e.dataTransfer?.files[0]);
        }}
      >
        <label for="upload-file">Choose a .txt or .html file, or drop it here</label>
        <input
          id="upload-file"
          type="file"
          accept=".txt,.html,.htm,text/plain,text/html"
          aria-describedby="upload-file-status"
          onChange={(e) => takeFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
        <p id="upload-file-status" class="file-status" aria-live="polite">
          {refused ?? (file ? `${file.name}: ${file.bytes} bytes, ${file.type}` : 'No file chosen.')}
        </p>
      </div>
      <label for="upload-text">Or paste the text</label>
      <textarea
        id="upload-text"
        rows={10}
        value={text}
        onInput={(e) => paste((e.currentTarget as HTMLTextAreaElement).value, pastedType)}
      />
      <label for="upload-type">Pasted text is</label>
      <select
        id="upload-type"
        value={pastedType}
        onChange={(e) => {
          const type = (e.currentTarget as HTMLSelectElement).value as SourceType;
          if (file) setPastedType(type);
          else paste(text, type);
        }}
      >
        <option value="text/plain">Plain text</option>
        <option value="text/html">HTML</option>
      </select>
    </fieldset>
  );
}
