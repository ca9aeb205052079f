/** Where in the app a geography code is shown. Districts have no page yet, so they open the geography search. */
export const geoPath = (rawCode: string): string => {
  const code = rawCode.trim().toUpperCase();
  const state = /^([SU]\d{2})$/.exec(code);
  if (state) return `/geo/${state[1]}`;
  const pc = /^([SU]\d{2})-PC-(\d{1,3})$/.exec(code);
  if (pc) return `/geo/${pc[1]}/pc/${Number(pc[2])}`;
  const ac = /^([SU]\d{2})-AC-(\d{1,3})(?:-PS-\d{1,4})?$/.exec(code);
  if (ac) return `/geo/${ac[1]}/ac/${Number(ac[2])}`;
  return `/geo?q=${encodeURIComponent(code)}`;
};
