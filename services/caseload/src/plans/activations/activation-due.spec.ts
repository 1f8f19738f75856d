import { activationDue } from './activation-due';

describe('activationDue', () => {
  it('measures the first activation of a period from the opening, six months on', () => {
    expect(activationDue('2016-01-15', [], '2016-07-15')).toEqual({ dueDate: '2016-07-15', onTime: true, nextDueDate: '2017-01-15' });
    expect(activationDue('2016-01-15', [], '2016-07-16')).toEqual({ dueDate: '2016-07-15', onTime: false, nextDueDate: '2017-01-16' });
  });

  it('measures a later one from the latest start before it, whatever order the starts are given in', () => {
    expect(activationDue('2015-06-01', ['2016-02-10', '2015-09-01'], '2016-08-10')).toEqual({ dueDate: '2016-08-10', onTime: true, nextDueDate: '2017-02-10' });
  });

  it('ignores the start being measured and later ones for its due date, but not for the next', () => {
    // Recorded out of order: the start on 1 March is measured from 1 December, not from 1 May.
    expect(activationDue('2015-12-01', ['2016-03-01', '2016-05-01'], '2016-03-01')).toEqual({ dueDate: '2016-06-01', onTime: true, nextDueDate: '2016-11-01' });
  });

  it('clamps month ends as the interview clock does', () => {
    expect(activationDue('2015-08-31', [], '2016-03-01')).toEqual({ dueDate: '2016-02-29', onTime: false, nextDueDate: '2016-09-01' });
  });
});
