const TONE = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

/** `name` and `value` tell apart the buttons of a form that has several. */
type Props = { pending: boolean; label: string; pendingLabel: string; tone?: keyof typeof TONE; name?: string; value?: string };

/** A form's submit button, disabled and relabelled while the server works. */
export function SubmitButton({ pending, label, pendingLabel, tone = "primary", name, value }: Props) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${TONE[tone]}`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
