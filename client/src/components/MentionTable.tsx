import type { KeyboardEvent } from 'react';
import type { MentionView } from '../../../shared/contracts/views.js';
import type { MentionSort, SortOrder } from '../analyst/filters.js';
import type { Meta } from '../hooks/useMeta.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatNumber } from '../lib/format.js';
import { formatDateTime } from '../lib/time.js';
import { SentimentBadge, TagChips } from './MentionItem.js';

interface Props {
  items: MentionView[];
  /** Newer results are loading: the rows shown are about to be replaced. */
  busy?: boolean;
  meta: Meta | undefined;
  timeZone: string;
  sort: MentionSort;
  order: SortOrder;
  onSort: (sort: MentionSort, order: SortOrder) => void;
  onOpen: (uid: string) => void;
  /** The analyst asked to correct or confirm this mention's tags. */
  onReview: (uid: string) => void;
}

/** Mentions as a dense, sortable table; a row opens its thread on click, Enter or Space. */
export function MentionTable({ items, busy = false, meta, timeZone, sort, order, onSort, onOpen, onReview }: Props) {
  const { t, locale } = useI18n();

  function header(column: MentionSort, label: string, className?: string) {
    const active = sort === column;
    // A new column starts with its most useful direction: newest, most engaged, most negative.
    const next: SortOrder = active ? (order === 'desc' ? 'asc' : 'desc') : column === 'sentiment' ? 'asc' : 'desc';
    const current = active ? (order === 'asc' ? t.analyst.ascending : t.analyst.descending) : '—';
    return (
      <th scope="col" className={className} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort(column, next)} title={t.analyst.sortBy(label, current)} data-testid={`sort-${column}`}>
          {label}
          <span className="sort-mark" aria-hidden="true">
            {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  }

  function onKey(e: KeyboardEvent<HTMLTableRowElement>, uid: string) {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(uid);
    }
  }

  return (
    <div className="table-wrap">
      <table className="mentions" data-testid="mention-table" aria-busy={busy} data-busy={busy}>
        <thead>
          <tr>
            {header('createdAt', t.analyst.time, 'col-time')}
            <th scope="col">{t.analyst.text}</th>
            <th scope="col" className="col-author">
              {t.analyst.author}
            </th>
            {header('sentiment', t.sentiment.label, 'col-sent')}
            {header('engagement', t.metrics.engagement, 'col-num')}
            <th scope="col">{t.analyst.tags}</th>
            <th scope="col" className="no-print">
              <span className="visually-hidden">{t.review.review}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr
              key={m.uid}
              tabIndex={0}
              className="clickable"
              // A title, not an aria-label: a label would replace the cells' text for screen readers.
              title={t.analyst.openThread}
              onClick={() => onOpen(m.uid)}
              onKeyDown={(e) => onKey(e, m.uid)}
              data-uid={m.uid}
            >
              <td className="col-time">
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale, timeZone)}</time>
              </td>
              <td className="col-text">{m.text}</td>
              <td className="col-author">
                {m.author.name ?? m.author.id ?? t.common.unknownAuthor}
                <span className="muted small"> · {m.platform}</span>
              </td>
              <td className="col-sent">
                <SentimentBadge mention={m} />
              </td>
              <td className="col-num">{formatNumber(m.engagement, locale)}</td>
              <td>
                <TagChips mention={m} meta={meta} />
              </td>
              <td className="no-print">
                <button
                  type="button"
                  className="link-button"
                  data-testid="row-review"
                  onClick={(e) => {
                    e.stopPropagation();
                    onReview(m.uid);
                  }}
                >
                  {t.review.review}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
