import { useState } from 'react';
import { useLeaderCalendar, useUnitCalendar } from '../hooks/useTours';
import { indiaDay } from '../month';
import { MonthCalendar } from './MonthCalendar';

const thisMonth = () => indiaDay(new Date()).slice(0, 7);

/** "Who is visiting my district this month": stops at the unit or below, month by month. */
export const UnitToursCalendar = ({ unitId }: { unitId: number }) => {
  const [month, setMonth] = useState(thisMonth);
  return <MonthCalendar month={month} onMonth={setMonth} calendar={useUnitCalendar(unitId, month)} show="leader" />;
};

/** A leader's stops, month by month. */
export const LeaderToursCalendar = ({ personId }: { personId: number }) => {
  const [month, setMonth] = useState(thisMonth);
  return <MonthCalendar month={month} onMonth={setMonth} calendar={useLeaderCalendar(personId, month)} show="unit" />;
};
