import { render } from 'preact';

render(<p>Dialkit</p>, document.getElementById('app')!);
