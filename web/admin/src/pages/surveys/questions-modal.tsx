import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useNotify } from '../../hooks/use-notify';
import type { Questionnaire, SurveyElement } from './survey-types';

interface Props {
  questionnaire: Questionnaire;
  onClose: () => void;
  onSaved: (q: Questionnaire) => void;
}

type Draft = { id?: string; element: SurveyElement; text: string; key: number };

/** Edits the agency's questions, grouped by the five SIPAS elements (each keeps at least one). */
export function QuestionsModal({ questionnaire, onClose, onSaved }: Props) {
  const notify = useNotify();
  const [saving, setSaving] = useState(false);
  const [drafts, setDrafts] = useState<Draft[]>(() => questionnaire.questions.map((q, key) => ({ ...q, key })));
  const [nextKey, setNextKey] = useState(drafts.length);

  const change = (key: number, text: string) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, text } : d)));
  const remove = (key: number) => setDrafts((all) => all.filter((d) => d.key !== key));
  const add = (element: SurveyElement) => {
    setDrafts((all) => [...all, { element, text: '', key: nextKey }]);
    setNextKey((k) => k + 1);
  };

  async function save() {
    setSaving(true);
    try {
      const saved = await api.put<Questionnaire>('/api/surveys/questions', { questions: drafts.map(({ id, element, text }) => ({ ...(id ? { id } : {}), element, text })) });
      notify.saved('Đã lưu bộ câu hỏi');
      onSaved(saved);
    } catch (error) {
      notify.failed(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title="Bộ câu hỏi khảo sát" open width={860} onCancel={onClose} destroyOnHidden okText="Lưu bộ câu hỏi" cancelText="Hủy" confirmLoading={saving} onOk={() => void save()}>
      <Typography.Paragraph type="secondary">
        Mỗi câu hỏi được trả lời theo 5 mức, từ “Rất không hài lòng” đến “Rất hài lòng”. Mỗi yếu tố cần ít nhất một câu hỏi. Câu trả lời đã nhận vẫn được tính theo yếu tố của nó.
      </Typography.Paragraph>
      {questionnaire.elements.map((e, i) => (
        <section key={e.key} aria-labelledby={`yeu-to-${e.key}`} className="survey-element-editor">
          <Typography.Title level={3} id={`yeu-to-${e.key}`}>
            Yếu tố {i + 1}: {e.label}
          </Typography.Title>
          <Space orientation="vertical" className="full-width">
            {drafts.filter((d) => d.element === e.key).map((d, n) => (
              <Space.Compact key={d.key} className="full-width">
                <Input aria-label={`Câu hỏi ${n + 1} của yếu tố ${e.label}`} value={d.text} maxLength={400} onChange={(ev) => change(d.key, ev.target.value)} />
                <Button aria-label={`Xóa câu hỏi ${n + 1} của yếu tố ${e.label}`} icon={<DeleteOutlined />} onClick={() => remove(d.key)} />
              </Space.Compact>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(e.key)}>
              Thêm câu hỏi cho yếu tố {i + 1}
            </Button>
          </Space>
        </section>
      ))}
    </Modal>
  );
}
