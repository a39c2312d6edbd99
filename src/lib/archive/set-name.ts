/** What a set is called: the show's title, else its DJs, else "Set". */
export const setName = (s: { title: string | null; hosts: readonly string[] }) => s.title ?? (s.hosts.join(' & ') || 'Set');
