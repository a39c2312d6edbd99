'use client';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { Input } from '@/components/ui/Input';
import { useHydrated } from '@/hooks/useHydrated';
import { filterZones, runtimeZones } from './time-zones';

export type TimeZonePickerProps = {
  id: string;
  name: string;
  /** The saved zone when editing; a new channel starts from the browser's zone. */
  initial?: string;
  describedBy?: string;
};

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * A searchable list of IANA zones (ARIA combobox). The browser's zone list and its own zone differ
 * from the server's, so both are read only after hydration; the server renders the saved zone or
 * UTC. The server validates whatever is submitted.
 */
export function TimeZonePicker({ id, name, initial, describedBy }: TimeZonePickerProps) {
  const hydrated = useHydrated();
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const value = typed ?? initial ?? (hydrated ? browserZone() : 'UTC');
  const zones = useMemo(() => (hydrated ? runtimeZones() : []), [hydrated]);
  const matches = useMemo(() => filterZones(zones, typed ?? '', 50), [zones, typed]);
  const listId = useId();
  const choose = (zone: string) => {
    setTyped(zone);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.max(0, Math.min(matches.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && open && matches[active]) {
      e.preventDefault();
      choose(matches[active]);
    } else if (e.key === 'Escape') setOpen(false);
  };
  const showList = open && hydrated && matches.length > 0;
  return (
    <div className="relative">
      <Input
        id={id}
        name={name}
        value={value}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        maxLength={64}
        required
        onChange={(e) => {
          setTyped(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ZoneOptions id={listId} zones={showList ? matches : []} active={active} onChoose={choose} />
    </div>
  );
}

type ZoneOptionsProps = { id: string; zones: string[]; active: number; onChoose: (zone: string) => void };

/** The combobox's listbox: matching zones, the active one highlighted; hidden when empty. */
function ZoneOptions({ id, zones, active, onChoose }: ZoneOptionsProps) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Matching zones"
      hidden={zones.length === 0}
      className="absolute z-10 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-line bg-bg py-1 text-sm shadow-lg"
    >
      {zones.map((zone, i) => (
        <li
          key={zone}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={`cursor-pointer px-3 py-1.5 ${i === active ? 'bg-line' : ''}`}
          // mousedown, not click: the input's blur would close the list before a click lands.
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(zone);
          }}
        >
          {zone}
        </li>
      ))}
    </ul>
  );
}
