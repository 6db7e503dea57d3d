import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Link from '@tiptap/extension-link';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Tooltip } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MediaItem } from '../../../newsroom-types';
import { MediaPickerModal } from '../media-picker-modal';
import { ImageNode } from './image-node';
import { isSafeHref, LinkModal } from './link-modal';
import './rich-text-editor.css';

interface Props {
  /** HTML; '' for an empty body. */
  value?: string;
  onChange?: (html: string) => void;
  /** The accessible name of the editing area (e.g. "Nội dung"). */
  label: string;
  readOnly?: boolean;
  /** Set by Form.Item; given to the editing area. */
  id?: string;
}

function ToolButton({ label, icon, text, active, disabled, onClick }: { label: string; icon?: ReactNode; text?: string; active?: boolean; disabled?: boolean; onClick: () => void }) {
  return (
    <Tooltip title={label}>
      <Button
        type={active ? 'primary' : 'text'}
        size="small"
        icon={icon}
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // Keeps the selection in the editor while clicking the toolbar.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {text}
      </Button>
    </Tooltip>
  );
}

function Toolbar({ editor, onLink, onImage }: { editor: Editor; onLink: () => void; onImage: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="rte-toolbar" role="toolbar" aria-label="Định dạng nội dung">
      <ToolButton label="Chữ đậm" icon={<BoldOutlined />} active={state.bold} onClick={() => chain().toggleBold().run()} />
      <ToolButton label="Chữ nghiêng" icon={<ItalicOutlined />} active={state.italic} onClick={() => chain().toggleItalic().run()} />
      <span className="rte-separator" aria-hidden="true" />
      <ToolButton label="Tiêu đề mục (H2)" text="H2" active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
      <ToolButton label="Tiêu đề nhỏ (H3)" text="H3" active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
      <span className="rte-separator" aria-hidden="true" />
      <ToolButton label="Danh sách dấu chấm" icon={<UnorderedListOutlined />} active={state.bullet} onClick={() => chain().toggleBulletList().run()} />
      <ToolButton label="Danh sách đánh số" icon={<OrderedListOutlined />} active={state.ordered} onClick={() => chain().toggleOrderedList().run()} />
      <ToolButton label="Trích dẫn" text="“ ”" active={state.quote} onClick={() => chain().toggleBlockquote().run()} />
      <span className="rte-separator" aria-hidden="true" />
      <ToolButton label="Chèn liên kết" icon={<LinkOutlined />} active={state.link} onClick={onLink} />
      <ToolButton label="Chèn ảnh từ thư viện" icon={<PictureOutlined />} onClick={onImage} />
      <span className="rte-separator" aria-hidden="true" />
      <ToolButton label="Hoàn tác" icon={<UndoOutlined />} disabled={!state.canUndo} onClick={() => chain().undo().run()} />
      <ToolButton label="Làm lại" icon={<RedoOutlined />} disabled={!state.canRedo} onClick={() => chain().redo().run()} />
    </div>
  );
}

/**
 * The article body: TipTap with headings H2/H3 (the page's H1 is the title), lists, quotes,
 * links and images from the media library. Works as an antd form control (value/onChange HTML).
 * The server sanitises what is saved; the editor's schema already drops anything it cannot show.
 */
export function RichTextEditor({ value = '', onChange, label, readOnly = false, id }: Props) {
  // The last HTML this editor reported, so a value coming back from the form is not set again.
  const emitted = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [linking, setLinking] = useState(false);
  const [picking, setPicking] = useState(false);

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3] }, link: false, code: false, codeBlock: false, underline: false }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      }),
      ImageNode,
    ],
    content: value,
    editable: !readOnly,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'rte-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(id ? { id } : {}),
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      emitted.current = html;
      onChangeRef.current?.(html);
    },
  });

  // A value set from outside (loading, saving, another version) replaces the content.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  function setLink(href: string) {
    const chain = editor.chain().focus().extendMarkRange('link');
    if (href) chain.setLink({ href }).run();
    else chain.unsetLink().run();
  }

  function insertImage(item: MediaItem) {
    editor.chain().focus().insertContent({ type: 'image', attrs: { src: item.url, alt: item.alt } }).run();
  }

  return (
    <div className={readOnly ? 'rte rte-readonly' : 'rte'}>
      {!readOnly && <Toolbar editor={editor} onLink={() => setLinking(true)} onImage={() => setPicking(true)} />}
      <EditorContent editor={editor} />
      <LinkModal open={linking} initial={linking ? String(editor.getAttributes('link').href ?? '') : ''} onClose={() => setLinking(false)} onDone={setLink} />
      <MediaPickerModal title="Chèn ảnh vào nội dung" open={picking} onClose={() => setPicking(false)} onPick={insertImage} />
    </div>
  );
}
