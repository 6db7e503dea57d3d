import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useNotify } from '../hooks/use-notify';
import { fileProblem } from '../pages/newsroom/uploads';

interface Props {
  /** Accepted extensions, as the file input takes them (".xlsx,.csv"). */
  accept: string;
  maxBytes: number;
  /** The file chosen so far, named in the box. */
  file?: File;
  /** What the box asks for ("Bấm hoặc kéo tệp XLSX vào đây"). */
  prompt: string;
  hint: string;
  /** A file of the right type and size was chosen (others are refused with a message). */
  onPick: (file: File) => void;
}

/** One file picked by click or drop, checked for type and size before anything is sent. Example: the import dialogs. */
export function FileDrop({ accept, maxBytes, file, prompt, hint, onPick }: Props) {
  const notify = useNotify();
  return (
    <Upload.Dragger
      accept={accept}
      maxCount={1}
      showUploadList={false}
      beforeUpload={(picked) => {
        const problem = fileProblem(picked, accept, maxBytes);
        if (problem) notify.failed(new Error(problem));
        else onPick(picked);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{file ? `Đã chọn: ${file.name}` : prompt}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}
