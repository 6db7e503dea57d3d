import { EditOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input } from 'antd';
import { api } from '../../../api';
import { FormModal } from '../../../components/form-modal';
import { useModalTarget } from '../../../hooks/use-modal-target';
import type { Plan, PlanSection } from '../../../plan-types';
import type { AskReason } from './reason-prompt';

interface SectionValues {
  heading: string;
  paragraphs?: string;
}

/** A copy of the tree with the section at `path` (child indexes from the top) changed. */
function withSection(sections: PlanSection[], path: number[], patch: Partial<PlanSection>): PlanSection[] {
  const [i, ...rest] = path;
  return sections.map((s, j) => (j !== i ? s : rest.length ? { ...s, children: withSection(s.children, rest, patch) } : { ...s, ...patch }));
}

/** "I", "1", "a", "-" as the plan writes them: "I.", "1.", "a)", "-". */
function label(number: string): string {
  if (number === '-' || number === '+') return number;
  return /^[a-zđ]$/.test(number) ? `${number})` : `${number}.`;
}

function SectionNode({ section, path, depth, onEdit }: { section: PlanSection; path: number[]; depth: number; onEdit?: (path: number[], section: PlanSection) => void }) {
  const Heading = depth === 0 ? 'h2' : 'div';
  return (
    <div className={`plan-section plan-section-${Math.min(depth, 3)}`}>
      <Heading className="plan-section-heading">
        <span>
          {label(section.number)} {section.heading}
        </span>
        {onEdit && (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={`Sửa mục ${section.number} ${section.heading.slice(0, 40)}`}
            title="Sửa mục"
            onClick={() => onEdit(path, section)}
          />
        )}
      </Heading>
      {section.paragraphs.map((p, i) => (
        <p key={i} className="plan-section-paragraph">
          {p}
        </p>
      ))}
      {section.children.map((child, i) => (
        <SectionNode key={i} section={child} path={[...path, i]} depth={depth + 1} onEdit={onEdit} />
      ))}
    </div>
  );
}

/** "Các mục": the plan's numbered sections; a heading and its paragraphs can be corrected. */
export function SectionsTab({ plan, editable, askReason, onSaved }: { plan: Plan; editable: boolean; askReason: AskReason; onSaved: (plan: Plan) => void }) {
  const editor = useModalTarget<{ path: number[]; section: PlanSection }>();
  if (!plan.sections.length) return <Empty description="Kế hoạch không có mục nào được nhận ra" />;

  async function submit({ heading, paragraphs }: SectionValues) {
    const reason = await askReason();
    const patch = {
      heading: heading.trim(),
      paragraphs: (paragraphs ?? '')
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
    };
    const sections = withSection(plan.sections, editor.target!.path, patch);
    return api.patch<Plan>(`/api/plans/${plan.id}`, { sections, ...(reason ? { reason } : {}) });
  }

  return (
    <div className="plan-sections">
      {plan.sections.map((s, i) => (
        <SectionNode key={i} section={s} path={[i]} depth={0} onEdit={editable ? (path, section) => editor.openFor({ path, section }) : undefined} />
      ))}
      <FormModal<SectionValues, Plan>
        title="Sửa mục"
        name="plan-section"
        open={editor.open}
        onClose={editor.close}
        initialValues={editor.target && { heading: editor.target.section.heading, paragraphs: editor.target.section.paragraphs.join('\n') }}
        onSubmit={submit}
        onSaved={onSaved}
        width={720}
      >
        <Form.Item label="Tiêu đề mục" name="heading" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tiêu đề mục.' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={20_000} />
        </Form.Item>
        <Form.Item label="Các đoạn văn" name="paragraphs" extra="Mỗi dòng là một đoạn.">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
