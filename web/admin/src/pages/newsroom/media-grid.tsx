import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MediaItem } from '../../newsroom-types';

/** The smallest variant still sharp in a grid cell, else the main image. */
export function thumbnailOf(item: MediaItem, width = 320): string {
  const fitting = [...item.variants].sort((a, b) => a.width - b.width).find((v) => v.width >= width && v.mime === 'image/webp');
  return fitting?.url ?? item.url;
}

interface Props {
  items: readonly MediaItem[];
  /** Buttons under each image (edit, choose). */
  actions?: (item: MediaItem) => ReactNode;
  /** The picked image, outlined. */
  selectedId?: string | null;
  emptyText?: string;
}

/** Images with their alternative text; an image without one is marked. */
export function MediaGrid({ items, actions, selectedId, emptyText = 'Chưa có ảnh nào' }: Props) {
  if (!items.length) return <Empty description={emptyText} />;
  return (
    <ul className="media-grid">
      {items.map((item) => (
        <li key={item.id} className={item.id === selectedId ? 'media-cell media-cell-selected' : 'media-cell'}>
          <img src={thumbnailOf(item)} alt={item.alt} loading="lazy" width={item.width} height={item.height} className="media-thumb" />
          <div className="media-caption">
            {item.alt.trim() ? (
              <Typography.Text className="media-alt">{item.alt}</Typography.Text>
            ) : (
              <Typography.Text type="danger">Chưa có mô tả ảnh</Typography.Text>
            )}
            <Typography.Text type="secondary" className="media-name" title={item.name}>
              {item.name} · {item.width}×{item.height}
            </Typography.Text>
            {actions && <div className="media-actions">{actions(item)}</div>}
          </div>
        </li>
      ))}
    </ul>
  );
}
