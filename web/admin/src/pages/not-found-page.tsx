import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { Page } from '../components/page';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Page title="Không tìm thấy trang">
      <Result
        status="404"
        subTitle="Trang bạn tìm không tồn tại hoặc đã được chuyển đi."
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            Về trang tổng quan
          </Button>
        }
      />
    </Page>
  );
}
